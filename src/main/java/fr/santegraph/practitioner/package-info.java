@NonNullApi
@NonNullFields
package fr.santegraph.practitioner;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
