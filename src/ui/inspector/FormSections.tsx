import { FieldList } from './FieldList';
import { type FormApi, FormContext } from './formContext';
import type { Section } from './formSpec';
import { FieldListContext } from './NestedFields';

interface Props {
  form: FormApi;
  sections: readonly Section[];
}

/** The titled sections of one inspector form, sharing one validation gate. */
export function FormSections({ form, sections }: Props) {
  return (
    <FormContext.Provider value={form}>
      <FieldListContext.Provider value={FieldList}>
        {sections.map((section) => (
          <section key={section.title} className="inspector-section">
            <h3 className="inspector-section-title">{section.title}</h3>
            <FieldList fields={section.fields} path={[]} />
          </section>
        ))}
      </FieldListContext.Provider>
    </FormContext.Provider>
  );
}
