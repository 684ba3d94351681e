import type { ComponentChildren } from 'preact';
import type { ReadableSpaces } from '../../communities/index.js';
import type { FormFailure, PageContext } from '../../http/index.js';
import { topicKinds } from '../schemas.js';
import type { SearchForm } from './search.js';

function Select(props: {
  ctx: PageContext;
  name: keyof SearchForm;
  label: string;
  form: SearchForm;
  failure: FormFailure | undefined;
  children: ComponentChildren;
}) {
  const id = `search-${props.name}`;
  const isInvalid = props.failure?.field === props.name;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={isInvalid || undefined}
        aria-describedby={isInvalid ? 'search-error' : undefined}
      >
        {props.children}
      </select>
    </div>
  );
}

function Option(props: { value: string; form: SearchForm; name: keyof SearchForm; label: string }) {
  return (
    <option value={props.value} selected={(props.form[props.name] ?? '') === props.value}>
      {props.label}
    </option>
  );
}

function DateField(props: {
  name: 'from' | 'to';
  label: string;
  form: SearchForm;
  failure: FormFailure | undefined;
}) {
  const id = `search-${props.name}`;
  const isInvalid = props.failure?.field === props.name;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="date"
        id={id}
        name={props.name}
        value={props.form[props.name] ?? ''}
        aria-invalid={isInvalid || undefined}
        aria-describedby={isInvalid ? 'search-error' : undefined}
      />
    </div>
  );
}

/** The search filters, each labelled; the reader's choices kept selected. */
export function Filters(props: {
  ctx: PageContext;
  form: SearchForm;
  spaces: ReadableSpaces;
  failure: FormFailure | undefined;
}) {
  const { ctx, form, spaces, failure } = props;
  const { t } = ctx;
  const common = { ctx, form, failure };
  // Only what the reader may read is offered: the lists come from the same scope as the results.
  const withGroups = spaces.communities
    .map((c) => ({ community: c, groups: spaces.groups.filter((g) => g.communityId === c.id) }))
    .filter((c) => c.groups.length > 0);
  return (
    <fieldset class="search-filters">
      <legend>{t('conversations.search.filters')}</legend>
      <Select {...common} name="communityId" label={t('conversations.search.community')}>
        <Option
          form={form}
          name="communityId"
          value=""
          label={t('conversations.search.allCommunities')}
        />
        {spaces.communities.map((c) => (
          <Option key={c.id} form={form} name="communityId" value={String(c.id)} label={c.name} />
        ))}
      </Select>
      <Select {...common} name="groupId" label={t('conversations.search.group')}>
        <Option form={form} name="groupId" value="" label={t('conversations.search.allGroups')} />
        {withGroups.map(({ community, groups }) => (
          <optgroup key={community.id} label={community.name}>
            {groups.map((g) => (
              <Option key={g.id} form={form} name="groupId" value={String(g.id)} label={g.name} />
            ))}
          </optgroup>
        ))}
      </Select>
      <Select {...common} name="kind" label={t('conversations.search.kind')}>
        <Option form={form} name="kind" value="" label={t('conversations.search.allKinds')} />
        {topicKinds.map((k) => (
          <Option
            key={k}
            form={form}
            name="kind"
            value={k}
            label={t(`conversations.search.kind.${k}`)}
          />
        ))}
      </Select>
      <Select {...common} name="solved" label={t('conversations.search.solved')}>
        <Option form={form} name="solved" value="" label={t('conversations.search.solvedAny')} />
        <Option
          form={form}
          name="solved"
          value="true"
          label={t('conversations.search.solvedYes')}
        />
        <Option
          form={form}
          name="solved"
          value="false"
          label={t('conversations.search.solvedNo')}
        />
      </Select>
      <DateField {...common} name="from" label={t('conversations.search.from')} />
      <DateField {...common} name="to" label={t('conversations.search.to')} />
    </fieldset>
  );
}
