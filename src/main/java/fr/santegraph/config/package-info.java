@NonNullApi
@NonNullFields
package fr.santegraph.config;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
