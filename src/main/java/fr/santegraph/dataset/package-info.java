@NonNullApi
@NonNullFields
package fr.santegraph.dataset;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
