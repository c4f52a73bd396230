@NonNullApi
@NonNullFields
package fr.santegraph.search;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
