@NonNullApi
@NonNullFields
package fr.santegraph.reference;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
