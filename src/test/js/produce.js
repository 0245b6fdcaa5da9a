#!/usr/bin/env node
// Produces keys with the real KafkaJS client so a Java test can read back where each one landed.
//
// usage: node produce.js BOOTSTRAP TOPIC default|legacy KEY...
// prints one JSON line per key: {"key": ..., "partition": n, "offset": "..."} as KafkaJS reported it; exit code 2 on
// bad arguments, 1 if producing fails (within about 15 s when the broker cannot be reached).
'use strict'
const { Kafka, Partitioners, logLevel } = require('kafkajs')

const [bootstrap, topic, partitionerName, ...keys] = process.argv.slice(2)
const partitioners = { default: Partitioners.DefaultPartitioner, legacy: Partitioners.LegacyPartitioner }
if (!bootstrap || !topic || !(partitionerName in partitioners) || keys.length === 0) {
  console.error(`usage: produce.js BOOTSTRAP TOPIC default|legacy KEY... (partitioner must be default or legacy but got '${partitionerName}')`)
  process.exit(2)
}

async function main () {
  const kafka = new Kafka({
    clientId: 'hotkey-lab-kafkajs',
    brokers: bootstrap.split(','),
    logLevel: logLevel.ERROR,
    connectionTimeout: 5000,
    requestTimeout: 10000,
    retry: { retries: 3 }
  })
  const producer = kafka.producer({ createPartitioner: partitioners[partitionerName] })
  await producer.connect()
  try {
    for (const key of keys) {
      const [meta] = await producer.send({ topic, acks: -1, messages: [{ key, value: `kafkajs-${partitionerName}` }] })
      process.stdout.write(JSON.stringify({ key, partition: meta.partition, offset: meta.baseOffset }) + '\n')
    }
  } finally {
    await producer.disconnect()
  }
}

main().catch(err => {
  console.error(`kafkajs produce failed: ${err.message}`)
  process.exit(1)
})
