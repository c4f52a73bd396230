@NonNullApi
@NonNullFields
package fr.santegraph.catalogue;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
