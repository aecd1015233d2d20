package org.animfr.animabot.matrix.bridge;

/** What a bridge that {@link MatrixBridge#syncsByItself syncs by itself} reports of its sync. */
public interface OwnSyncListener {

    /** A sync response, encrypted messages decrypted; called one response after the other. Must not throw. */
    void onResponse(SyncResponse response);

    /** The sync fails and is being tried again by the bridge. Must not throw. */
    void onFailing(String reason);
}
