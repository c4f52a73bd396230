@NonNullApi
@NonNullFields
package fr.santegraph.dcat;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
