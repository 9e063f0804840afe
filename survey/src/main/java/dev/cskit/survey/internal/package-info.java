/** Implementation details of the survey module: argument checks and numeric helpers. Not public API. */
package dev.cskit.survey.internal;
