/** Internals of cskit core, shared by the other cskit modules. Not an API: it may change in any release. */
package dev.cskit.core.internal;
