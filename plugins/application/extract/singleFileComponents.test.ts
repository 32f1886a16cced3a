/** Vue and Svelte single-file components: props from each way of declaring them, and template tags. */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadTargetContext} from '../../core/prepareSite';
import {makeRepo, tempBase} from '../../../test/gitRepo';
import {extractApplication} from './extractApplication';
import {scriptOnly} from './singleFileComponents';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'sfc', private: true}),
  'src/BaseButton.vue': `<template>
  <button :class="size"><slot /></button>
</template>

<script setup lang="ts">
interface Props {
  /** Text on the button. */
  label: string;
  size?: 'sm' | 'lg';
}
const props = withDefaults(defineProps<Props>(), {size: 'sm'});
</script>
`,
  'src/user-card.vue': `<template>
  <div><BaseButton label="Follow" /><img /></div>
</template>
<script>
import BaseButton from './BaseButton.vue';
export default {
  components: {BaseButton},
  props: {name: {type: String, required: true}, age: Number, role: {type: String, default: 'member'}},
};
</script>
<style>.x > Y { color: red }</style>
`,
  'src/Counter.svelte': `<script lang="ts">
  export let start: number = 0;
  export let label: string;
</script>
<p>{label}: {start}</p>
`,
  'src/Runes.svelte': `<script lang="ts">
  import Counter from './Counter.svelte';
  let {step = 1, title}: {step?: number; title: string} = $props();
</script>
<Counter label={title} />
`,
};

describe('single-file components', () => {
  it('keeps script lines where they were', () => {
    const text = '<template>\n<a/>\n</template>\n<script>\nconst a = 1;\n</script>\n';
    const kept = scriptOnly(text);
    expect(kept.split('\n')[4]).toBe('const a = 1;');
    expect(kept.length).toBe(text.length);
    expect(kept.replace(/\s/g, '')).toBe('consta=1;');
  });

  it('reads Vue and Svelte props, defaults and the components their templates use', async () => {
    const target = tempBase('app-sfc');
    const site = tempBase('app-sfc-site');
    dirs.push(target, site);
    for (const [file, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
      fs.writeFileSync(path.join(target, file), content);
    }
    makeRepo(target).commit('sfc');
    const model = await extractApplication(await loadTargetContext({siteDir: site, target}));
    const summary = model.components.map((c) => `${c.name} ${c.shape}: ${c.props.map((p) => `${p.name}${p.required ? '!' : ''}${p.type ? `:${p.type}` : ''}${p.default !== undefined ? `=${p.default}` : ''}`).join(', ')}; renders ${c.renders.map((r) => r.id ?? r.name).join(', ') || '-'}; by ${c.renderedBy.join(', ') || '-'}`);
    expect(summary).toEqual([
      "BaseButton vue: label!:string, size:'sm' | 'lg'='sm'; renders -; by src/user-card.vue#default",
      'Counter svelte: label!:string, start:number=0; renders -; by src/Runes.svelte#default',
      'Runes svelte: title!:string, step:number=1; renders src/Counter.svelte#default; by -',
      "UserCard vue: name!:String, age:Number, role:String='member'; renders src/BaseButton.vue#default; by -",
    ]);
    expect(model.components[0]!.props[0]!.description).toBe('Text on the button.');
  }, 60_000);
});
