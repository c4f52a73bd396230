package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeyTest {

    @Test
    void anIpv6ClientCountsByItsSlash64WhateverAddressItPicksInIt() {
        assertThat(ClientKey.address("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.address("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.address("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void anIpv4ClientCountsByItsAddressAndAMappedOneAsIpv4() {
        assertThat(ClientKey.address("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientKey.address("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }
}
