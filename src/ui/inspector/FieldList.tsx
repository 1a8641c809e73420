import { ChoiceField } from './fields/ChoiceField';
import { DistField } from './fields/DistField';
import { ListField } from './fields/ListField';
import { MapField } from './fields/MapField';
import { OptionalField } from './fields/OptionalField';
import { TextInputField, type TextKind } from './fields/TextInputField';
import { ToggleField } from './fields/ToggleField';
import { UnionField } from './fields/UnionField';
import { childPath } from './formContext';
import type { Field } from './formSpec';
import type { FieldListProps } from './NestedFields';

/** Free text parses as one string (absent when blank); a comma list as strings or numbers. */
function textKind(f: Extract<Field, { t: 'text' | 'strings' }>): TextKind {
  if (f.t === 'text') return f.optional ? 'optionalText' : 'text';
  return f.numeric ? 'numbers' : 'strings';
}

/** Renders a list of field specs at `path`, choosing the control each spec calls for. */
export function FieldList({ fields, path, compact }: FieldListProps) {
  return (
    <>
      {fields.map((f) => {
        const p = childPath(path, f.key);
        const key = `${f.t}:${f.key}`;
        switch (f.t) {
          case 'int':
          case 'num':
            return (
              <TextInputField
                key={key}
                kind={f.t === 'num' && f.optional ? 'optionalNum' : f.t}
                path={p}
                label={f.label}
                unit={f.unit}
                help={f.help}
                compact={compact}
              />
            );
          case 'text':
          case 'strings':
            return (
              <TextInputField
                key={key}
                kind={textKind(f)}
                path={p}
                label={f.label}
                help={f.help}
                placeholder={f.placeholder}
                compact={compact}
              />
            );
          case 'json':
            return <TextInputField key={key} kind="json" path={p} label={f.label} help={f.help} />;
          case 'enum':
          case 'ref':
            return (
              <ChoiceField
                key={key}
                path={p}
                label={f.label}
                help={f.help}
                optional={f.optional}
                {...(f.t === 'enum' ? { options: f.options, labels: f.labels } : { kinds: f.kinds })}
              />
            );
          case 'bool':
            return <ToggleField key={key} path={p} label={f.label} help={f.help} />;
          case 'dist':
            return <DistField key={key} path={p} label={f.label} help={f.help} />;
          case 'group':
            return (
              <div key={key} className="group">
                <div className="group-title">{f.label}</div>
                <FieldList fields={f.fields} path={p} />
              </div>
            );
          case 'optional':
            return (
              <OptionalField
                key={key}
                path={p}
                label={f.label}
                help={f.help}
                make={f.make}
                fields={f.fields}
              />
            );
          case 'list':
            return (
              <ListField
                key={key}
                path={p}
                label={f.label}
                item={f.item}
                make={f.make}
                fields={f.fields}
                title={f.title}
              />
            );
          case 'map':
            return (
              <MapField
                key={key}
                path={p}
                label={f.label}
                item={f.item}
                newKey={f.newKey}
                make={f.make}
                value={f.value}
                help={f.help}
              />
            );
          case 'union':
            return <UnionField key={key} path={p} label={f.label} variants={f.variants} />;
          default:
            return null;
        }
      })}
    </>
  );
}
