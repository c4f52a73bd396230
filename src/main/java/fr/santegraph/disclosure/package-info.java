@NonNullApi
@NonNullFields
package fr.santegraph.disclosure;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
