/// <reference types="vite/client" />

// Only the variables declared here exist on import.meta.env (no `any` fallback).
interface ViteTypeOptions {
  strictImportMetaEnv: unknown;
}

interface ImportMetaEnv {
  /** The gateway's GraphQL endpoint; http://localhost:4000/graphql when unset. */
  readonly VITE_GATEWAY_URL?: string;
}
