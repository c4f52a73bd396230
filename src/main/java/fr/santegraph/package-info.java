@NonNullApi
@NonNullFields
package fr.santegraph;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
