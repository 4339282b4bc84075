// The signing module's public surface: the Signer port and its token.
export { SigningModule } from './signing.module';
export { SIGNER, type Signer, type SignatureValue } from './signer.port';
