#!/usr/bin/env python3
"""Produces records with the real librdkafka partitioner through confluent-kafka-python (Debian's
python3-confluent-kafka), so Java tests can read back where each record landed.

usage: produce.py BOOTSTRAP TOPIC [librdkafka.property=value ...] < records.jsonl
  each input line: {"key": base64 or null, "value": "text"}   (base64 "" is the empty key, null a record without one)
prints one JSON line per delivered record: {"value": ..., "partition": p}; exits 1 if any record failed.
"""
import base64
import json
import sys

from confluent_kafka import Producer, libversion, version


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    conf = {"bootstrap.servers": sys.argv[1], "message.timeout.ms": 15000, "socket.timeout.ms": 10000}
    for setting in sys.argv[3:]:
        name, sep, value = setting.partition("=")
        if not sep:
            print(f"expected property=value but got '{setting}'", file=sys.stderr)
            return 2
        conf[name] = value
    topic = sys.argv[2]
    failures = []

    def report(err, msg):
        if err is not None:
            failures.append(str(err))
        else:
            print(json.dumps({"value": msg.value().decode(), "partition": msg.partition()}))

    producer = Producer(conf)
    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        key = None if record["key"] is None else base64.b64decode(record["key"])
        producer.produce(topic, key=key, value=record["value"].encode(), on_delivery=report)
        producer.poll(0)
    left = producer.flush(30)
    if left or failures:
        print(f"{left} records not delivered; errors: {failures[:3]}", file=sys.stderr)
        return 1
    print(json.dumps({"confluent_kafka": version()[0], "librdkafka": libversion()[0]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
