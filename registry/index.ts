import type { Registry } from '#core/registry/Registry.ts';
import { adapters } from './adapters.ts';
import { checks } from './checks.ts';
import { loadScenarios } from './loadScenarios.ts';
import { profiles } from './profiles.ts';

/** The one registry both runtimes import (DESIGN.md "One core, two runtimes"). */
export const registry: Registry = { checks, loadScenarios, profiles, adapters };
