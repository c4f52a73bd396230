@NonNullApi
@NonNullFields
package fr.santegraph.security;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
