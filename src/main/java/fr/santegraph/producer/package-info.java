@NonNullApi
@NonNullFields
package fr.santegraph.producer;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
