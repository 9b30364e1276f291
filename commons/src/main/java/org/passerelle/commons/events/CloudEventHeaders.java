package org.passerelle.commons.events;

/** CloudEvents 1.0 Kafka binary-mode header names, plus Passerelle's extensions. */
public final class CloudEventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String DATA_SCHEMA = "ce_dataschema";
  public static final String COUNTRY = "ce_country";
  public static final String SITE = "ce_site";
  public static final String TRACEPARENT = "traceparent";
  public static final String CONTENT_TYPE = "content-type";

  /** Added when an event is parked in a dead-letter topic. */
  public static final String DLQ_ERROR = "dlq_error";

  public static final String DLQ_CONSUMER = "dlq_consumer";
  public static final String DLQ_ATTEMPTS = "dlq_attempts";

  /** Where the parked event was read from: its topic, partition and offset. */
  public static final String DLQ_TOPIC = "dlq_topic";

  public static final String DLQ_PARTITION = "dlq_partition";
  public static final String DLQ_OFFSET = "dlq_offset";

  private CloudEventHeaders() {}
}
