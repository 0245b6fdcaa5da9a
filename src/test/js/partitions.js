#!/usr/bin/env node
// Where KafkaJS's own partitioners put keys, without a broker: the real DefaultPartitioner and LegacyPartitioner
// functions called with a fake partition list. Used by KafkaJsParityTest to keep the Java model of the legacy hash
// honest.
//
// usage: node partitions.js P1,P2,... < keys.txt      (one base64-encoded key per line; an empty line is the empty
//                                                     key, the line `null` a message without a key)
// prints one JSON line per key: {"key": base64 or null, "legacy": [p for P1, P2, ...], "default": [...]}
'use strict'
const readline = require('readline')
const { Partitioners } = require('kafkajs')

const counts = (process.argv[2] || '').split(',').filter(Boolean).map(Number)
if (counts.length === 0 || counts.some(n => !Number.isInteger(n) || n < 1)) {
  console.error(`partition counts must be a comma-separated list of integers >= 1 but got '${process.argv[2]}'`)
  process.exit(2)
}
const legacy = Partitioners.LegacyPartitioner()
const dflt = Partitioners.DefaultPartitioner()
const metadata = n => Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0 }))
const byCount = Object.fromEntries(counts.map(n => [n, metadata(n)]))

const lines = readline.createInterface({ input: process.stdin })
lines.on('line', line => {
  const key = line === 'null' ? null : Buffer.from(line, 'base64')
  const place = partitioner => counts.map(n =>
    partitioner({ topic: 'parity', partitionMetadata: byCount[n], message: { key } }))
  process.stdout.write(JSON.stringify({ key: key === null ? null : line, legacy: place(legacy), default: place(dflt) })
    + '\n')
})
