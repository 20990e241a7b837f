export const helper = () => 'yes';
