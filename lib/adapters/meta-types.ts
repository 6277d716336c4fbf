/**
 * The shape of an adapter's `meta.ts`: everything the extension knows about a marketplace that is not a
 * reader. Plain data with no imports (not even types from lib/model), because it is bundled into the
 * MAIN-world hooks, the content scripts and wxt.config.ts alike, and because lib/model derives its platform
 * and surface lists from it (a type import back into lib/model would be circular).
 *
 * Rules and templates are written in their stored shape; lib/sla/default-rules.ts and
 * lib/templates/defaults.ts collect them and tests/unit/adapter-contract.test.ts validates them with the
 * model's schemas.
 */

/** A list the marketplace shows (lib/model/surface.ts explains surface, family and deadlines). */
export interface MetaSurface {
  /** The list's page kind, `${platform}.${page}`. Stored in every ticket and key: never rename. */
  readonly id: string;
  /** The key segment, `${platform}:${shopId}:${family}:${nativeId}`. Unique per platform. */
  readonly family: string;
  readonly deadlines: 'platform' | 'rules';
  /** The list's name after the marketplace's (`拼多多 工单`, `Pinduoduo work orders (工单)`). */
  readonly names: { readonly zh: string; readonly en: string };
}

export type MetaClock =
  | { readonly type: 'calendar' }
  | {
      readonly type: 'windows';
      readonly segments: readonly { readonly start: string; readonly end: string }[];
      readonly days: 'every' | 'workdays';
    };

/** A default deadline rule (lib/sla/rule-schema.ts `Rule`). */
export interface MetaRule {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly match: {
    readonly surfaces: readonly string[];
    readonly platforms: readonly string[];
    readonly kinds: readonly string[];
    readonly tagsAny: readonly string[];
    readonly urgent?: boolean;
  };
  readonly budgetMs: number;
  readonly clock: MetaClock;
  readonly startFrom?: 'created' | 'shipped';
  readonly informational?: boolean;
}

/** A default template (lib/templates/defaults.ts). Ids `default-<platform>-<what>`, never reused. */
export interface MetaTemplate {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly folder: string;
  readonly tags: readonly string[];
  readonly platforms?: readonly string[];
  readonly kinds?: readonly string[];
  readonly shortcut?: string;
  readonly note?: string;
}

export interface MarketplaceMeta {
  /** Stored in every ticket, key, setting and fixture folder: never rename without a Dexie migration. */
  readonly id: string;
  /** Display names: zh-CN first, English second (popup, options, notifications, diagnostics). */
  readonly names: { readonly zh: string; readonly en: string };
  /** Badge background behind white text (popup, options): keep a contrast of at least 4.5:1 with #fff. */
  readonly colour: string;
  /**
   * The seller-center hosts (https only). They become the manifest's host_permissions and
   * web_accessible_resources matches and the content scripts' matches (catalog.ts `matchesOf`).
   */
  readonly hosts: readonly string[];
  /** Whether the content script and the hook run in every frame (a list mounted in a same-origin iframe). */
  readonly allFrames: boolean;
  readonly surfaces: readonly MetaSurface[];
  /** Default deadline rules of this marketplace, in the order they are tried (before the generic default). */
  readonly rules: readonly MetaRule[];
  readonly templates: readonly MetaTemplate[];
}
