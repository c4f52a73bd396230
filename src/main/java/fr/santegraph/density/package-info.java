@NonNullApi
@NonNullFields
package fr.santegraph.density;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
