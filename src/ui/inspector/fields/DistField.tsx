import { getIn, type Path } from '../configPath';
import { useForm } from '../formContext';
import { distributionMeanMs, distributionVariants } from '../formSpec';
import { UnionField } from './UnionField';

interface Props {
  path: Path;
  label: string;
  help?: string | undefined;
}

/** A latency distribution: its kind, then its parameters on one line; a new kind keeps the mean. */
export function DistField({ path, label, help }: Props) {
  const form = useForm();
  const variants = distributionVariants(distributionMeanMs(getIn(form.root, path)));
  return <UnionField path={path} label={label} help={help} variants={variants} inline />;
}
