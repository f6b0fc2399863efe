checkoutButton.addEventListener('click', () =>
  swTokenInterceptor.checkout({ themeId: 'YOUR_THEME_ID' }).catch((error) => showError(error.code)),
);
