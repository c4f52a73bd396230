@NonNullApi
@NonNullFields
package fr.santegraph.indicator;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
