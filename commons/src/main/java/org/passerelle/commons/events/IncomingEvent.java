package org.passerelle.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from Kafka in binary mode. */
public record IncomingEvent(
    UUID id,
    String type,
    String source,
    String subject,
    OffsetDateTime time,
    String country,
    String site,
    String traceparent,
    String topic,
    int partition,
    long offset,
    JsonNode data) {

  /** Reads the envelope; throws {@link IllegalArgumentException} when it is not a CloudEvent. */
  public static IncomingEvent from(ConsumerRecord<String, byte[]> record, JsonNode data) {
    String id = header(record, CloudEventHeaders.ID);
    String type = header(record, CloudEventHeaders.TYPE);
    if (id == null || type == null) {
      throw new IllegalArgumentException("not a CloudEvent: ce_id or ce_type header missing");
    }
    String time = header(record, CloudEventHeaders.TIME);
    return new IncomingEvent(
        UUID.fromString(id),
        type,
        header(record, CloudEventHeaders.SOURCE),
        header(record, CloudEventHeaders.SUBJECT),
        time == null ? null : OffsetDateTime.parse(time),
        header(record, CloudEventHeaders.COUNTRY),
        header(record, CloudEventHeaders.SITE),
        header(record, CloudEventHeaders.TRACEPARENT),
        record.topic(),
        record.partition(),
        record.offset(),
        data);
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
