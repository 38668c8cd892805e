/**
 * The header CloudFront's origin access control needs on a POST to a Lambda function URL (the aws profile): the
 * SHA-256 of the body, hex (Lambda takes no unsigned payload). Harmless elsewhere. Web Crypto: browsers and Node.
 */
export async function payloadHashHeader(body: string): Promise<{ 'x-amz-content-sha256': string }> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { 'x-amz-content-sha256': hex };
}
