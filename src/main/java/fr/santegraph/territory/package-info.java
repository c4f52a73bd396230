@NonNullApi
@NonNullFields
package fr.santegraph.territory;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
