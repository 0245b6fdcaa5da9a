// Where Sarama's own hash partitioner (the default of a Sarama producer) puts keys, without a broker: the real
// sarama.NewHashPartitioner called for each key and partition count. Used by SaramaParityTest to check the Java model.
//
// Build with Debian's packages, offline: GO111MODULE=off GOPATH=/usr/share/gocode go build sarama_partitions.go
// usage: sarama_partitions P1,P2,... < keys.txt   (one base64 key per line; an empty line is the empty key, the line
//                                                `null` a message without a key)
// prints one JSON line per key: {"key": base64 or null, "partitions": [p for P1, P2, ...]}
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/Shopify/sarama"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sarama_partitions P1,P2,... < keys.txt")
		os.Exit(2)
	}
	var counts []int32
	for _, field := range strings.Split(os.Args[1], ",") {
		n, err := strconv.Atoi(field)
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "partition counts must be integers >= 1 but got '%s'\n", os.Args[1])
			os.Exit(2)
		}
		counts = append(counts, int32(n))
	}
	partitioner := sarama.NewHashPartitioner("parity")
	out := json.NewEncoder(os.Stdout)
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1024*1024), 1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		message := &sarama.ProducerMessage{Topic: "parity"}
		var key interface{}
		if line != "null" {
			bytes, err := base64.StdEncoding.DecodeString(line)
			if err != nil {
				fmt.Fprintf(os.Stderr, "not base64: '%s'\n", line)
				os.Exit(2)
			}
			message.Key = sarama.ByteEncoder(bytes)
			key = line
		}
		placed := make([]int32, 0, len(counts))
		for _, n := range counts {
			p, err := partitioner.Partition(message, n)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			placed = append(placed, p)
		}
		if err := out.Encode(map[string]interface{}{"key": key, "partitions": placed}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
