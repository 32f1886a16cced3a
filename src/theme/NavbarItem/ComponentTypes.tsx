/**
 * The navbar item types, plus `custom-audienceSwitcher`. Docusaurus lets this object be ejected, not
 * wrapped by its CLI; extending the original by hand keeps every built-in type as Docusaurus ships
 * it (see docs/adr/0012-audience-navigation.md).
 */
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import type {ComponentTypesObject} from '@theme/NavbarItem/ComponentTypes';
import AudienceSwitcher from '@site/src/components/AudienceSwitcher';

const withAudience: ComponentTypesObject = {
  ...ComponentTypes,
  'custom-audienceSwitcher': AudienceSwitcher,
};

export default withAudience;
