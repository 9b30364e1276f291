package org.passerelle.commons.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.IncomingEvent;

/** Where a parked event came from, kept in its dead-letter record so it can be re-driven. */
final class DeadLetterHeaders {

  private static final String DLQ_SUFFIX = ".dlq";

  private DeadLetterHeaders() {}

  static void addOrigin(ProducerRecord<String, byte[]> parked, ConsumerRecord<?, ?> original) {
    add(parked, CloudEventHeaders.DLQ_TOPIC, original.topic());
    add(parked, CloudEventHeaders.DLQ_PARTITION, String.valueOf(original.partition()));
    add(parked, CloudEventHeaders.DLQ_OFFSET, String.valueOf(original.offset()));
  }

  /** The topic the parked record was first published on. */
  static String originalTopic(ConsumerRecord<?, ?> parked) {
    String topic = IncomingEvent.header(parked, CloudEventHeaders.DLQ_TOPIC);
    if (topic != null) {
      return topic;
    }
    return parked.topic().endsWith(DLQ_SUFFIX)
        ? parked.topic().substring(0, parked.topic().length() - DLQ_SUFFIX.length())
        : parked.topic();
  }

  /** The record as it was on its own topic, for the handler that failed on it. */
  static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> parked) {
    RecordHeaders headers = new RecordHeaders();
    parked.headers().forEach(headers::add);
    return new ConsumerRecord<>(
        originalTopic(parked),
        number(parked, CloudEventHeaders.DLQ_PARTITION, parked.partition()),
        number(parked, CloudEventHeaders.DLQ_OFFSET, parked.offset()),
        parked.timestamp(),
        TimestampType.CREATE_TIME,
        ConsumerRecord.NULL_SIZE,
        ConsumerRecord.NULL_SIZE,
        parked.key(),
        parked.value(),
        headers,
        Optional.empty());
  }

  private static int number(ConsumerRecord<?, ?> record, String header, int fallback) {
    String value = IncomingEvent.header(record, header);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static long number(ConsumerRecord<?, ?> record, String header, long fallback) {
    String value = IncomingEvent.header(record, header);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
