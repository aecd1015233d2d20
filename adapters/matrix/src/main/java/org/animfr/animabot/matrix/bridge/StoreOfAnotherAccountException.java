package org.animfr.animabot.matrix.bridge;

/**
 * The encryption store holds the device of another Matrix account than the one configured: opened as it is, the bot
 * would sync as that other account and never see its own rooms. Only a change of settings fixes it.
 */
public class StoreOfAnotherAccountException extends IllegalStateException {
    public StoreOfAnotherAccountException(String schema, String storedAccount, String configuredAccount) {
        super("The Matrix encryption store (database schema " + schema + ") holds the device of " + storedAccount
                + ", not of the configured account " + configuredAccount + ": give this account a schema of its own "
                + "(animabot.matrix.encryption-schema), or drop the schema " + schema + " to start this account's "
                + "device afresh");
    }
}
