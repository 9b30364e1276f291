package org.passerelle.commons.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks emitted event data against the JSON Schema kept with the service, at {@code
 * events/schemas/<event-name>.v<N>.json} on its classpath (DESIGN §4).
 */
public final class EventSchemas {

  private static final Pattern TYPE =
      Pattern.compile("org\\.passerelle\\.[a-z]+\\.([a-z-]+)\\.v([0-9]+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private EventSchemas() {}

  /** The schema's resource path for a CloudEvents type. */
  public static String resource(String type) {
    Matcher matcher = TYPE.matcher(type);
    if (!matcher.matches()) {
      throw new AssertionError("not a Passerelle event type: " + type);
    }
    return "events/schemas/" + matcher.group(1) + ".v" + matcher.group(2) + ".json";
  }

  /** Validates every event in the service's outbox; returns how many there were. */
  public static int assertOutboxValid(javax.sql.DataSource dataSource) {
    int checked = 0;
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement("select type, data::text from outbox_event");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        assertValid(rows.getString(1), rows.getString(2));
        checked++;
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError("cannot read the outbox", e);
    }
    return checked;
  }

  public static void assertValid(String type, String data) {
    String resource = resource(type);
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("JSON Schema " + resource + " for " + type).isNotNull();
      JsonSchema schema =
          FACTORY.getSchema(
              in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
      JsonNode node = JSON.readTree(data);
      Set<ValidationMessage> errors = schema.validate(node);
      assertThat(errors).as(type + " data " + data).isEmpty();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + resource + " or the event data", e);
    }
  }
}
