@NonNullApi
@NonNullFields
package fr.santegraph.observation;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
