@NonNullApi
@NonNullFields
package fr.santegraph.ingest;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
