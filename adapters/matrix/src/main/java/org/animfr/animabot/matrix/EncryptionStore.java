package org.animfr.animabot.matrix;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where the bot's Matrix device lives when end-to-end encryption is on: its identity and one-time keys, the room
 * keys it received, the rooms' encryption state. In the bot's own database, so that a backup of the database is a
 * backup of the device and a restart keeps it: nobody sees a new session, nobody has to verify the bot again.
 *
 * @param dataSource the bot's database
 * @param schema the schema the client's tables go in, apart from the bot's own (the client creates them itself)
 * @param mediaDirectory where the client caches media, under the data folder
 */
public record EncryptionStore(DataSource dataSource, String schema, Path mediaDirectory) {
    public EncryptionStore {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(mediaDirectory, "mediaDirectory");
    }
}
