/**
 * Waiting that an interrupt does not cut short ({@link dev.redyellow.concurrent.Uninterruptibly}): where a
 * caller must not go on before what it waits for has ended (a thread writing into its folders, a write
 * to a socket, a person's answer), it waits on, and keeps its interrupt for what comes next. Depends on
 * nothing of the product, so the daemon's client may use it.
 */
package dev.redyellow.concurrent;
