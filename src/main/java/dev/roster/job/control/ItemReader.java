package dev.roster.job.control;

import jakarta.json.JsonObject;

/**
 * Reads a stored item of a job into its {@link Operation}. The wire form is the bulk boundary's; the job's chunks
 * keep items in it, and read them only when they are applied, so a job of 100,000 items is never held in memory.
 */
public interface ItemReader {

    /** The item's operation; an item that cannot be read is an {@link Operation.Unreadable}, never an exception. */
    Operation read(JsonObject item);
}
