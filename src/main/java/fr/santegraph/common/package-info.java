@NonNullApi
@NonNullFields
package fr.santegraph.common;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
