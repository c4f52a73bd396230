@NonNullApi
@NonNullFields
package fr.santegraph.suggestion;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
