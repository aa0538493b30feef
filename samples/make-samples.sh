#!/usr/bin/env bash
# Regenerates the sample certificates and the HTTP.SYS records that point at them.
# The samples are committed; run this only to change them. Needs openssl.
# Certificates are valid for 25 years so the samples keep their meaning; keys are throwaway samples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
days=9131
iis_appid='{4dc3e181-e14b-4a21-b022-59fc669b0914}'

# make_cert DIR NAME CN SAN...  -> DIR/NAME.cer (DER), prints the SHA-1 thumbprint
make_cert() {
  local dir=$1 name=$2 cn=$3; shift 3
  local san; san=$(printf 'DNS:%s,' "$@"); san=${san%,}
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" -subj "/CN=$cn" \
    -addext "subjectAltName=$san" -addext "extendedKeyUsage=serverAuth" \
    -keyout "$dir/$name.key" -out "$dir/$name.pem" 2>/dev/null
  openssl x509 -in "$dir/$name.pem" -outform DER -out "$dir/$name.cer"
  openssl x509 -in "$dir/$name.pem" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'
}

# pfx DIR NAME PASSWORD -> DIR/NAME.pfx with the key, then drops the loose key and PEM
pfx() {
  openssl pkcs12 -export -in "$1/$2.pem" -inkey "$1/$2.key" -out "$1/$2.pfx" -passout "pass:$3" -name "$2" 2>/dev/null
}

tidy() { rm -f "$1"/*.key "$1"/*.pem; }

# netsh_record LABEL KEY HASH -> one record as 'netsh http show sslcert' prints it on Windows Server 2022
netsh_record() {
  printf '    %-28s : %s\r\n' "$1" "$2"
  printf '    %-28s : %s\r\n' "Certificate Hash" "$(echo "$3" | tr 'A-F' 'a-f')"
  printf '    %-28s : %s\r\n' "Application ID" "$iis_appid"
  printf '    %-28s : %s\r\n' "Certificate Store Name" "My"
  printf '    %s : %s\r\n' "Verify Client Certificate Revocation" "Enabled" \
    "Verify Revocation Using Cached Client Certificate Only" "Disabled"
  printf '    %-28s : %s\r\n' "Usage Check" "Enabled" "Revocation Freshness Time" "0" "URL Retrieval Timeout" "0" \
    "Ctl Identifier" "(null)" "Ctl Store Name" "(null)" "DS Mapper Usage" "Disabled" \
    "Negotiate Client Certificate" "Disabled" "Reject Connections" "Disabled" "Disable HTTP2" "Not Set" \
    "Disable QUIC" "Not Set" "Disable TLS1.2" "Not Set" "Disable TLS1.3" "Not Set" "Disable OCSP Stapling" "Not Set" \
    "Enable Token Binding" "Not Set" "Log Extended Events" "Not Set" "Disable Legacy TLS Versions" "Not Set" \
    "Enable Session Ticket" "Not Set"
  printf ' Extended Properties:\r\n'
  printf '    %-28s : %s\r\n' "PropertyId" "0" "Receive Window" "1048576"
  printf '\r\n'
}

netsh_header() { printf '\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n'; }

# 1. The seed's case: two sites share *:443 without SNI; the 0.0.0.0:443 certificate names only sitev1.
t=$(make_cert seed-two-sites/certs sitev1 sitev1.mysite.com sitev1.mysite.com); tidy seed-two-sites/certs
{ netsh_header; netsh_record "IP:port" "0.0.0.0:443" "$t"; } > seed-two-sites/sslcert.txt

# 2. The classic fix: one SAN certificate that names both hosts.
t=$(make_cert seed-san-certificate/certs mysite-san sitev1.mysite.com sitev1.mysite.com sitev2.mysite.com); tidy seed-san-certificate/certs
{ netsh_header; netsh_record "IP:port" "0.0.0.0:443" "$t"; } > seed-san-certificate/sslcert.txt

# 3. IIS 8+ SNI: a certificate per host name, plus a default certificate for clients without SNI.
t1=$(make_cert sni-per-host/certs sitev1 sitev1.mysite.com sitev1.mysite.com)
t2=$(make_cert sni-per-host/certs sitev2 sitev2.mysite.com sitev2.mysite.com); tidy sni-per-host/certs
{ netsh_header; netsh_record "IP:port" "0.0.0.0:443" "$t1"; netsh_record "Hostname:port" "sitev1.mysite.com:443" "$t1"; \
  netsh_record "Hostname:port" "sitev2.mysite.com:443" "$t2"; } > sni-per-host/sslcert.txt

# 4. A wildcard certificate: covers every single-label name under mysite.com (not mysite.com itself).
t=$(make_cert wildcard/certs wildcard-mysite '*.mysite.com' '*.mysite.com'); tidy wildcard/certs
{ netsh_header; netsh_record "IP:port" "0.0.0.0:443" "$t"; } > wildcard/sslcert.txt

# 5. EnsureSslHostHeaders from the seed's http-only start: a SAN PFX and a sitev1-only PFX.
make_cert ensure-from-http/certs mysite-san sitev1.mysite.com sitev1.mysite.com sitev2.mysite.com >/dev/null
make_cert ensure-from-http/certs sitev1-only sitev1.mysite.com sitev1.mysite.com >/dev/null
pfx ensure-from-http/certs mysite-san sample; pfx ensure-from-http/certs sitev1-only sample; tidy ensure-from-http/certs
rm -f ensure-from-http/certs/*.cer
echo "samples regenerated"
