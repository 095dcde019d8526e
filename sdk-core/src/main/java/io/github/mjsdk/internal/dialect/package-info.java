/** Not API: each provider's wire (paths, fields, codes, task shapes) behind the one {@code Dialect} interface. */
package io.github.mjsdk.internal.dialect;
