/** Not API: leaf helpers of the SDK (argument checks, redaction, JSON, executors, futures); may change at any time. */
package io.github.mjsdk.internal.util;
