// What the rest of Edgedesk imports from the integrations layer: the provider interfaces, the error, the registry and the demo store.
export type * from "./types.ts";
export { IntegrationError, isIntegrationError } from "./errors.ts";
export type { IntegrationErrorCode, IntegrationProviderName } from "./errors.ts";
export { integrationKinds, isIntegrationKind, providersFor } from "./registry.ts";
export type { IntegrationCredentials, IntegrationKind, IntegrationKindName, ProviderSlot, Providers, ProvidersForOptions } from "./registry.ts";
export { createDemoStore, demoCustomers, demoKnowledgeBase, demoStoreInfo } from "./demo-store/index.ts";
export type { DemoArticle, DemoArticleKind, DemoStore } from "./demo-store/index.ts";
