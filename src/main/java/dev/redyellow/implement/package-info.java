/**
 * Who writes a feature's code (implementers: replay, command, llm) and who judges it (reviewers:
 * auto, manual, command, llm), with the failure context that each retry receives.
 */
package dev.redyellow.implement;
