/** Not API: one HTTP request under a deadline (transport, retries, auth, bounded reads, HTTP-status errors). */
package io.github.mjsdk.internal.http;
